// Vite's client types (import.meta.glob for the translation catalogs); tsconfig.web.json lists no global types.
/// <reference types="vite/client" />
