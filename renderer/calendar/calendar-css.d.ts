/** Vite bundles the calendar's stylesheet; TypeScript only needs to know the import exists. */
declare module '*/calendar.css';
