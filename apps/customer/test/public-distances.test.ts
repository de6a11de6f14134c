// Issue 9 (low): anonymous searches from points of the asker's choosing must not locate a therapist's home. The
// listing answers from the base's ~1 km grid cell (booking-core public-distance): moving a therapist's pin inside
// its cell changes nothing any search returns — distances, who is in reach, the order. Against a fresh local server
// with the demo seed, through this app's own listing.
import { PUBLIC_GRID_DEGREES, publicCell } from "@tenang/booking-core/public-distance";
import { demoTherapists } from "@tenang/db/seed/demo-data";
import { startLocalStack, type LocalStack } from "@tenang/testing/local-stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as ListTherapists from "@/server/therapists/list-therapists";

let stack: LocalStack;
let listTherapists: typeof ListTherapists.listTherapists;

beforeAll(async () => {
  stack = await startLocalStack();
  // The app reads its configuration once, from the environment, when its modules load.
  Object.assign(process.env, stack.appEnv);
  ({ listTherapists } = await import("@/server/therapists/list-therapists"));
}, 60_000);
afterAll(() => stack?.close());

const target = demoTherapists()[3]!;
const moveTarget = (point: { lat: number; lng: number }) =>
  stack.admin.tablesDB.updateRow({
    databaseId: stack.databaseId,
    tableId: "therapists",
    rowId: target.id,
    data: point,
  });

/** Probes around the target, near and at the edge of its reach, as an attacker would place them. */
function probes(): Array<{ lat: number; lng: number }> {
  const out = [];
  for (let i = 0; i < 16; i += 1) {
    const angle = (i / 16) * 2 * Math.PI;
    for (const km of [0.3, 2, 5, target.serviceRadiusKm - 0.4, target.serviceRadiusKm + 0.4]) {
      const degrees = km / 111;
      out.push({ lat: target.lat + degrees * Math.sin(angle), lng: target.lng + degrees * Math.cos(angle) });
    }
  }
  return out;
}

/** What the searches say about the target: its distance (or absence), and its place among those listed. */
async function answers(points: Array<{ lat: number; lng: number }>) {
  const out = [];
  for (const point of points) {
    const listed = await listTherapists(point);
    const index = listed.findIndex((t) => t.id === target.id);
    out.push({ distanceKm: listed[index]?.distanceKm ?? null, index });
  }
  return out;
}

describe("public distances (issue 9, low)", () => {
  it("searches from anywhere cannot tell two pins in one ~1 km cell apart", async () => {
    const row = Math.floor(target.lat / PUBLIC_GRID_DEGREES);
    const column = Math.floor(target.lng / PUBLIC_GRID_DEGREES);
    const corner = (f: number, g: number) => ({
      lat: (row + f) * PUBLIC_GRID_DEGREES,
      lng: (column + g) * PUBLIC_GRID_DEGREES,
    });
    const a = corner(0.05, 0.05);
    const b = corner(0.95, 0.95); // ~1.4 km from a
    expect(publicCell(a)).toEqual(publicCell(b));
    const points = probes();

    await moveTarget(a);
    const fromA = await answers(points);
    await moveTarget(b);
    const fromB = await answers(points);

    expect(fromA.filter((x) => x.index >= 0).length).toBeGreaterThan(points.length / 2);
    expect(fromB).toEqual(fromA);
    for (const { distanceKm } of fromA) if (distanceKm !== null) expect(distanceKm % 0.5).toBe(0);
  });
});
