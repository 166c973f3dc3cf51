// The receipt's stylesheet, imported for its side effect (Vite bundles it).
declare module '*/receipt.css';
