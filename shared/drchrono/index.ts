export * from './common';
export * from './appointment';
export * from './practice';
export * from './patient';
export * from './billing';
export * from './clinical';
export * from './tasks';
export * from './documents';
