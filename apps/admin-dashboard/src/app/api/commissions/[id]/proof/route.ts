// GET /api/commissions/[id]/proof – the transfer proof a provider uploaded for this commission (admins only)
import { readCommissionProof } from "@tenang/booking-server/admin/commission-proof";
import { bookingServer, handleRoute, pathId, requireAdmin } from "@/server/app-server";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  await requireAdmin();
  const proof = await readCommissionProof(bookingServer(), pathId((await params).id));
  // The bytes come through this route, never a Storage URL: the bucket is private and the key stays here.
  const fileName = encodeURIComponent(proof.fileName);
  return new Response(proof.bytes, {
    headers: {
      "Content-Type": proof.contentType,
      "Content-Length": String(proof.bytes.byteLength),
      "Content-Disposition": `inline; filename*=UTF-8''${fileName}`,
      // A bank transfer proof is personal: no shared cache keeps it, and this browser only briefly.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      // Opened on its own in a tab, an image must run nothing and load nothing. Not for a PDF: Chromium refuses to
      // show a PDF in a sandboxed document, and its viewer runs a PDF's script in its own sandbox anyway.
      ...(proof.contentType === "application/pdf"
        ? {}
        : { "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox" }),
    },
  });
});
