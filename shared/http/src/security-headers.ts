import helmet from 'helmet';

/**
 * Security headers on every answer, pages and API alike (helmet). The content security policy is
 * the pages' own: scripts and styles only from this origin (style attributes allowed: the pages
 * set positions and colours inline), live updates over this origin's socket, photos from this
 * origin or a public http(s) URL a report named, nothing else loaded, and no page may be framed
 * by another site. No `upgrade-insecure-requests`: a district may serve plain http on its own
 * network, where upgrading would break every request.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:', 'http:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Photos of other public sites are shown as they are: they cannot opt in to embedding.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}
