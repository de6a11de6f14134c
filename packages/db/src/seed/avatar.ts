// Demo photos are generated here, offline: an SVG portrait placeholder with the person's initials.
const PALETTE = ["#0f766e", "#b45309", "#7c3aed", "#be123c", "#0369a1", "#4d7c0f", "#a16207", "#9d174d"];

export function avatarSvg(name: string, index: number): string {
  const initials = name
    .split(/\s+/)
    .filter((w) => w.length > 1 && w !== "Ni" && w !== "I")
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  const bg = PALETTE[index % PALETTE.length]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img" aria-label="${escapeXml(name)}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bg}"/><stop offset="1" stop-color="#1c1917"/></linearGradient></defs>
<rect width="256" height="256" fill="url(#g)"/>
<circle cx="128" cy="104" r="46" fill="#fafaf9" fill-opacity="0.22"/>
<path d="M48 232c8-48 44-76 80-76s72 28 80 76" fill="#fafaf9" fill-opacity="0.22"/>
<text x="128" y="122" text-anchor="middle" font-family="Georgia, serif" font-size="52" fill="#fafaf9">${escapeXml(initials)}</text>
</svg>`;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}
