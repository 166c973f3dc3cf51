/** Vite bundles the calendar settings' stylesheet. */
declare module '*/settings-table.css';
