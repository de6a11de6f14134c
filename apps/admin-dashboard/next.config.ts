import type { NextConfig } from "next";
// Importing the env module validates it: a bad environment stops `next dev` / `next build` here, with the list
// of what is wrong. (The values themselves are read again at runtime; nothing is baked into the build.)
import "./src/env.ts";

const nextConfig: NextConfig = {
  // Several people (or helpers) can build and test one checkout at once, each into its own folder.
  distDir: process.env.TENANG_NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  transpilePackages: [
    "@tenang/ui",
    "@tenang/app-server",
    "@tenang/booking-core",
    "@tenang/booking-server",
    "@tenang/chat-client",
  ],
};

export default nextConfig;
