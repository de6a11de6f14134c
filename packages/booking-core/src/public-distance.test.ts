import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { haversineKm } from "./dispatch";
import {
  PUBLIC_DISTANCE_STEP_KM,
  PUBLIC_GRID_DEGREES,
  publicBase,
  publicCell,
  publicDistanceKm,
} from "./public-distance";

// Bali and the sea around it: rows and columns of the grid.
const rowArb = fc.integer({ min: Math.floor(-8.9 / PUBLIC_GRID_DEGREES), max: Math.floor(-8.1 / PUBLIC_GRID_DEGREES) });
const columnArb = fc.integer({
  min: Math.floor(114.4 / PUBLIC_GRID_DEGREES),
  max: Math.floor(115.7 / PUBLIC_GRID_DEGREES),
});
// A point inside a cell, kept off its edges so float rounding cannot move it to the neighbour.
const inside = fc.double({ min: 0.001, max: 0.999, noNaN: true });
const pointIn = (row: number, column: number) =>
  fc.record({
    lat: inside.map((f) => (row + f) * PUBLIC_GRID_DEGREES),
    lng: inside.map((f) => (column + f) * PUBLIC_GRID_DEGREES),
  });
const queryArb = fc.record({
  lat: fc.double({ min: -8.95, max: -8.05, noNaN: true }),
  lng: fc.double({ min: 114.4, max: 115.75, noNaN: true }),
});

describe("publicDistanceKm", () => {
  it("any number of queries from anywhere answer the same for every base in one cell (no trilateration)", () => {
    fc.assert(
      fc.property(
        rowArb.chain((row) => columnArb.chain((column) => fc.tuple(pointIn(row, column), pointIn(row, column)))),
        fc.array(queryArb, { minLength: 3, maxLength: 12 }),
        ([a, b], queries) => {
          expect(publicCell(a)).toEqual(publicCell(b));
          expect(queries.map((q) => publicDistanceKm(q, a))).toEqual(queries.map((q) => publicDistanceKm(q, b)));
        },
      ),
    );
  });

  it("the issue's attack: three probes around a pin no longer tell it from a point about 1 km away in its cell", () => {
    const pin = { lat: -8.69051, lng: 115.16052 };
    const neighbour = { lat: -8.69749, lng: 115.16698 }; // same 0.01° cell, ~1 km away
    expect(publicCell(pin)).toEqual(publicCell(neighbour));
    expect(haversineKm(pin, neighbour)).toBeGreaterThan(0.9);
    const probes = [
      { lat: -8.65, lng: 115.13 },
      { lat: -8.72, lng: 115.2 },
      { lat: -8.75, lng: 115.12 },
    ];
    expect(probes.map((p) => publicDistanceKm(p, pin))).toEqual(probes.map((p) => publicDistanceKm(p, neighbour)));
    // Exact distances (what the listing used to give, to 0.1 km) told them apart at every probe.
    for (const p of probes) expect(Math.abs(haversineKm(p, pin) - haversineKm(p, neighbour))).toBeGreaterThan(0.1);
  });

  it("is a whole number of 0.5 km steps, within about a kilometre of the truth", () => {
    fc.assert(
      fc.property(
        rowArb.chain((row) => columnArb.chain((column) => pointIn(row, column))),
        queryArb,
        (base, from) => {
          const km = publicDistanceKm(from, base);
          expect(Number.isInteger(km / PUBLIC_DISTANCE_STEP_KM)).toBe(true);
          expect(Math.abs(km - haversineKm(from, base))).toBeLessThanOrEqual(1.05);
        },
      ),
    );
  });

  it("measures from the centre of the base's cell", () => {
    expect(publicBase({ lat: -8.69051, lng: 115.16052 })).toEqual({
      lat: expect.closeTo(-8.695, 9),
      lng: expect.closeTo(115.165, 9),
    });
    fc.assert(
      fc.property(
        rowArb.chain((row) => columnArb.chain((column) => pointIn(row, column))),
        (base) => {
          expect(publicCell(publicBase(base))).toEqual(publicCell(base));
        },
      ),
    );
    const base = { lat: -8.69051, lng: 115.16052 };
    expect(publicDistanceKm(publicBase(base), base)).toBe(PUBLIC_DISTANCE_STEP_KM); // never "0 km away"
  });
});
