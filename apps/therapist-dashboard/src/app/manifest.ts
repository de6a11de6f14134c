// GET /manifest.webmanifest – makes the dashboard installable: on a phone's home screen it opens full-screen, and a
// therapist gets offers as notifications from it like from any app (issue 11 §2). Icons: scripts/make-app-icons.mjs.
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Tenang for therapists",
    short_name: "Tenang Therapist",
    description: "Your bookings, offers and availability. Pesanan, tawaran, dan jadwal kerja Anda.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#fbf9f6",
    theme_color: "#1f7a68",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
