// The print layer's stylesheet, imported for its side effect (Vite bundles it).
declare module '*/print.css';
