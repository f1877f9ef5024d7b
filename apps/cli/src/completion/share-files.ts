/**
 * The files the install step puts under PREFIX/share (man page, zsh and bash
 * completion), by their path below share/; the build writes them to dist/share.
 */
import { REGISTERED } from '../commands/index.js';
import { bashCompletion } from './bash.js';
import { manPage } from './man-page.js';
import { zshCompletion } from './zsh.js';

export function shareFiles(): Record<string, string> {
  return {
    'man/man8/pot.8': manPage(REGISTERED),
    'zsh/site-functions/_pot': zshCompletion(REGISTERED),
    'bash-completion/completions/pot': bashCompletion(REGISTERED),
  };
}
