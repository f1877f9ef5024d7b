/** The potnet version this package is a drop-in replacement for. */
export const POTNET_COMPAT_VERSION = '0.5.0';
