// Placeholder until its helper lands.
import type { Command } from './command';
export const importCommand: Command = {
  summary: 'not implemented yet',
  usage: '',
  run() {
    return Promise.reject(new Error('not implemented'));
  },
};
