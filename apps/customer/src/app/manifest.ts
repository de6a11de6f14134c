// GET /manifest.webmanifest – makes the site installable, so "your therapist is on the way" can reach a customer
// whose browser is closed (issue 11 §2). Icons: scripts/make-app-icons.mjs.
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Tenang — massage at your villa in Bali",
    short_name: "Tenang",
    description: "Book a trusted massage therapist to your villa, hotel or home in Bali, or a session at a spa.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#fbf9f6",
    theme_color: "#1f7a68",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
