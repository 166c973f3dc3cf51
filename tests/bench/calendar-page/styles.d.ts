/** Vite bundles the stylesheets the bench page imports. */
declare module '*/theme.css';
