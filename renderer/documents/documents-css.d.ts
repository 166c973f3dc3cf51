/** Vite bundles the documents' stylesheet; TypeScript only needs to know the import exists. */
declare module '*/documents.css';
