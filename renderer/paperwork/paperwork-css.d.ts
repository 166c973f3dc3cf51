// The paperwork screens' stylesheet, imported for its side effect (Vite bundles it).
declare module '*/paperwork.css';
