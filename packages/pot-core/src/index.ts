export { POTNET_COMPAT_VERSION } from 'potnet';
