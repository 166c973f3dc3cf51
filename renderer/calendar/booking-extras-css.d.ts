/** Vite bundles the booking dialog's extra stylesheet; TypeScript only needs to know it exists. */
declare module '*/booking-extras.css';
