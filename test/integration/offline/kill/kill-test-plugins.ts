import type { Plugin } from 'esbuild';
export const killTestPlugins = (): Plugin[] => [];
