/** The shell pot release whose commands, files and outputs this implementation keeps. */
export const POT_VERSION = '0.16.0';
