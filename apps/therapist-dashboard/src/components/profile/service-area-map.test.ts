// The projection maths of @tenang/ui/service-area-map (packages/ui has no test runner of its own, so the app that
// uses the map tests it). The map is only useful if its circle means what dispatch means: dispatch measures the
// therapist's radius with booking-core's haversine, so every distance here is checked against that.
import { haversineKm } from "@tenang/booking-core/dispatch";
import { areaCentres } from "@tenang/booking-core/schemas/location";
import {
  clampToView,
  createProjection,
  movePoint,
  pointAtPixel,
  roundCoordinate,
  SOUTH_BALI_COAST,
  SOUTH_BALI_VIEW,
} from "@tenang/ui/service-area-map";
import { describe, expect, it } from "vitest";

const projection = createProjection(SOUTH_BALI_VIEW);
const mapDistance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe("service area map projection", () => {
  it("puts the view's corners at the SVG's corners, in kilometres", () => {
    expect(projection.toMap({ lat: SOUTH_BALI_VIEW.north, lng: SOUTH_BALI_VIEW.west })).toEqual({ x: 0, y: 0 });
    const corner = projection.toMap({ lat: SOUTH_BALI_VIEW.south, lng: SOUTH_BALI_VIEW.east });
    expect(corner.x).toBeCloseTo(projection.width, 9);
    expect(corner.y).toBeCloseTo(projection.height, 9);
    // 0.40° of longitude and 0.41° of latitude at 8.7° S: about 44 × 46 km.
    expect(projection.width).toBeCloseTo(44.0, 0);
    expect(projection.height).toBeCloseTo(45.6, 0);
  });

  it("round-trips every area centre", () => {
    for (const centre of Object.values(areaCentres)) {
      const back = projection.fromMap(projection.toMap(centre));
      expect(back.lat).toBeCloseTo(centre.lat, 10);
      expect(back.lng).toBeCloseTo(centre.lng, 10);
    }
  });

  it("draws distances to scale: map kilometres match haversine kilometres within 0.5 %", () => {
    const names = Object.keys(areaCentres) as (keyof typeof areaCentres)[];
    for (const a of names) {
      for (const b of names) {
        if (a === b) continue;
        const onMap = mapDistance(projection.toMap(areaCentres[a]), projection.toMap(areaCentres[b]));
        const real = haversineKm(areaCentres[a], areaCentres[b]);
        expect(Math.abs(onMap - real) / real, `${a} → ${b}`).toBeLessThan(0.005);
      }
    }
  });

  it("a circle of r map units reaches points r haversine-km away in every direction", () => {
    const pin = areaCentres.seminyak;
    const at = projection.toMap(pin);
    for (const r of [1, 5, 12, 25]) {
      for (let degrees = 0; degrees < 360; degrees += 45) {
        const angle = (degrees * Math.PI) / 180;
        const edge = projection.fromMap({ x: at.x + r * Math.cos(angle), y: at.y + r * Math.sin(angle) });
        expect(haversineKm(pin, edge)).toBeCloseTo(r, 1);
      }
    }
  });

  it("turns a click's pixel offset into the point under it, whatever size the map is drawn", () => {
    const kuta = projection.toMap(areaCentres.kuta);
    for (const pixelWidth of [330, 640]) {
      const pixelHeight = (pixelWidth * projection.height) / projection.width;
      const point = pointAtPixel(
        (kuta.x / projection.width) * pixelWidth,
        (kuta.y / projection.height) * pixelHeight,
        pixelWidth,
        pixelHeight,
        SOUTH_BALI_VIEW,
      );
      expect(point.lat).toBeCloseTo(areaCentres.kuta.lat, 9);
      expect(point.lng).toBeCloseTo(areaCentres.kuta.lng, 9);
    }
    // The top-left pixel is the view's north-west corner; a click past the edge stays on the map.
    expect(pointAtPixel(0, 0, 330, 340, SOUTH_BALI_VIEW)).toEqual({ lat: -8.45, lng: 115 });
    expect(pointAtPixel(400, 400, 330, 340, SOUTH_BALI_VIEW)).toEqual({ lat: -8.86, lng: 115.4 });
  });

  it("moves the pin by whole kilometres for the arrow keys, and not off the map", () => {
    const start = areaCentres.sanur;
    const north = movePoint(start, 0, 1, SOUTH_BALI_VIEW);
    expect(north.lat).toBeGreaterThan(start.lat);
    expect(north.lng).toBeCloseTo(start.lng, 12);
    expect(haversineKm(start, north)).toBeCloseTo(1, 2);
    const west = movePoint(start, -2, 0, SOUTH_BALI_VIEW);
    expect(west.lng).toBeLessThan(start.lng);
    expect(haversineKm(start, west)).toBeCloseTo(2, 2);
    expect(movePoint({ lat: -8.451, lng: 115.399 }, 5, 5, SOUTH_BALI_VIEW)).toEqual({ lat: -8.45, lng: 115.4 });
    expect(clampToView({ lat: -9, lng: 114 }, SOUTH_BALI_VIEW)).toEqual({ lat: -8.86, lng: 115 });
  });

  it("has every service area's centre inside the view, and a coastline inside it too", () => {
    for (const centre of Object.values(areaCentres)) expect(clampToView(centre, SOUTH_BALI_VIEW)).toEqual(centre);
    for (const point of SOUTH_BALI_COAST) expect(clampToView(point, SOUTH_BALI_VIEW)).toEqual(point);
    expect(roundCoordinate(-8.6913 - 1e-9)).toBe(-8.6913);
  });
});
