/** Vite bundles the history stylesheet; TypeScript only needs to know the import exists. */
declare module '*/history.css';
