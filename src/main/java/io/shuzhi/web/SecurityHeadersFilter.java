package io.shuzhi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security and cache headers. Shuzhi's own page runs under a strict Content-Security-Policy: scripts and styles from
 * its own origin only, no inline code, so text from a writer or a model can never run. {@code connect-src 'self'}
 * covers {@code ws:}/{@code wss:} of the same host (CSP Level 3, as Chromium and Firefox apply it).
 */
@Component
class SecurityHeadersFilter extends OncePerRequestFilter {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    // widget.js sits at a fixed address in other sites' pages: a short max-age spares their every page view a
    // request, and a new release reaches them within five minutes. The page and app.js/app.css revalidate on every
    // load (a cheap 304 by Last-Modified), so the page and the server never run different releases.
    static final String WIDGET_CACHE = "public, max-age=300";
    static final String REVALIDATE = "no-cache";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        String path = request.getRequestURI();
        if (path.equals("/") || path.endsWith(".html")) {
            response.setHeader("Content-Security-Policy", CSP);
        }
        if (path.equals("/app.js") || path.startsWith("/js/")) {
            // The page's modules are loaded by the widget on other sites, and a module script is fetched with CORS.
            // They are public files, fetched without credentials: any origin may read them (who may connect is
            // decided at the socket's handshake).
            response.setHeader("Access-Control-Allow-Origin", "*");
        }
        if (path.startsWith("/js/") && path.endsWith(".js")) response.setHeader("Cache-Control", REVALIDATE);
        switch (path) {
            case "/widget.js" -> response.setHeader("Cache-Control", WIDGET_CACHE);
            case "/", "/index.html", "/app.js", "/app.css" -> response.setHeader("Cache-Control", REVALIDATE);
            default -> { }
        }
        chain.doFilter(request, response);
    }
}
