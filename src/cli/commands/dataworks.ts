import type { Command } from 'commander';
export function registerDataWorks(_program: Command): void {}
