/** Vite bundles Today's stylesheet; TypeScript only needs to know the import exists. */
declare module '*/today.css';
