/** Vite bundles the collected-payments stylesheet; TypeScript only needs to know the import exists. */
declare module '*/collected.css';
