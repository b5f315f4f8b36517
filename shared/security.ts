/**
 * The renderer's Content Security Policy, the same in Electron and the browser host: our own
 * scripts and styles only, images from the library (midad-media: in Electron) or data/blob URLs,
 * nothing remote.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: midad-media:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
