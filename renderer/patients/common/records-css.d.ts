// The records screens' stylesheet, imported for its side effect (Vite bundles it).
declare module '*/records.css';
