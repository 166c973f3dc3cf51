/** Vite bundles the capability table's stylesheet. */
declare module '*/capability-table.css';
