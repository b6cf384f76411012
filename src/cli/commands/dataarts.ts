import type { Command } from 'commander';
export function registerDataArts(_program: Command): void {}
