"use client";

// A provider's service area (a pin and a radius) on a drawn map of southern Bali. There are no map tiles (the apps
// must work without a tile server), so the map is an SVG whose user units are kilometres: the circle's radius is the
// service radius itself, drawn to the same scale as the coastline and the area centres.
import { useId, type KeyboardEvent, type MouseEvent } from "react";
import { cx } from "./cx";

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** The part of the world the map shows, in degrees. */
export interface MapView {
  north: number;
  south: number;
  west: number;
  east: number;
}

/** Southern Bali: Tanah Lot to Klungkung, Ubud down to Uluwatu and Nusa Dua — where the service areas are. */
export const SOUTH_BALI_VIEW: MapView = { north: -8.45, south: -8.86, west: 115.0, east: 115.4 };

/**
 * Southern Bali's coastline, simplified to a few dozen points (clockwise, starting at the view's north-west corner,
 * which is inland). Good enough to recognise the Bukit peninsula, Kuta's beach and Sanur; not for navigation.
 */
export const SOUTH_BALI_COAST: readonly GeoPoint[] = [
  { lat: -8.45, lng: 115.0 },
  { lat: -8.45, lng: 115.4 },
  { lat: -8.575, lng: 115.4 },
  { lat: -8.59, lng: 115.35 },
  { lat: -8.615, lng: 115.31 },
  { lat: -8.635, lng: 115.29 },
  { lat: -8.665, lng: 115.268 },
  { lat: -8.69, lng: 115.264 },
  { lat: -8.71, lng: 115.258 },
  { lat: -8.728, lng: 115.246 },
  { lat: -8.74, lng: 115.232 },
  { lat: -8.748, lng: 115.224 },
  { lat: -8.775, lng: 115.229 },
  { lat: -8.8, lng: 115.236 },
  { lat: -8.815, lng: 115.229 },
  { lat: -8.835, lng: 115.2 },
  { lat: -8.848, lng: 115.175 },
  { lat: -8.851, lng: 115.14 },
  { lat: -8.846, lng: 115.105 },
  { lat: -8.83, lng: 115.085 },
  { lat: -8.812, lng: 115.1 },
  { lat: -8.8, lng: 115.113 },
  { lat: -8.789, lng: 115.121 },
  { lat: -8.795, lng: 115.146 },
  { lat: -8.79, lng: 115.157 },
  { lat: -8.775, lng: 115.163 },
  { lat: -8.76, lng: 115.164 },
  { lat: -8.752, lng: 115.15 },
  { lat: -8.742, lng: 115.156 },
  { lat: -8.725, lng: 115.166 },
  { lat: -8.705, lng: 115.164 },
  { lat: -8.69, lng: 115.156 },
  { lat: -8.665, lng: 115.137 },
  { lat: -8.655, lng: 115.123 },
  { lat: -8.64, lng: 115.1 },
  { lat: -8.621, lng: 115.087 },
  { lat: -8.6, lng: 115.06 },
  { lat: -8.575, lng: 115.0 },
];

/**
 * The mean Earth radius booking-core's dispatch measures a service radius with (its haversine): the map uses the
 * same sphere, so the circle drawn is exactly the area dispatch offers bookings in.
 */
export const EARTH_RADIUS_KM = 6371.0088;
/** Kilometres per degree of latitude (and of longitude at the equator) on that sphere. */
export const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

export interface MapPoint {
  x: number;
  y: number;
}

export interface MapProjection {
  /** The view's size in kilometres (the SVG's user units). */
  width: number;
  height: number;
  toMap(point: GeoPoint): MapPoint;
  fromMap(point: MapPoint): GeoPoint;
}

/**
 * An equirectangular projection in kilometres, true to scale at the view's middle latitude. Over a view 50 km tall
 * near the equator the east–west scale drifts by about 0.1 %, far below what a finger can place.
 */
export function createProjection(view: MapView): MapProjection {
  const midLat = (view.north + view.south) / 2;
  const kmPerDegreeLng = KM_PER_DEGREE * Math.cos((midLat * Math.PI) / 180);
  return {
    width: (view.east - view.west) * kmPerDegreeLng,
    height: (view.north - view.south) * KM_PER_DEGREE,
    toMap: (point) => ({
      x: (point.lng - view.west) * kmPerDegreeLng,
      y: (view.north - point.lat) * KM_PER_DEGREE,
    }),
    fromMap: (point) => ({
      lat: view.north - point.y / KM_PER_DEGREE,
      lng: view.west + point.x / kmPerDegreeLng,
    }),
  };
}

/** The same point kept inside the view (a pin can't be placed off the map). */
export function clampToView(point: GeoPoint, view: MapView): GeoPoint {
  return {
    lat: Math.min(view.north, Math.max(view.south, point.lat)),
    lng: Math.min(view.east, Math.max(view.west, point.lng)),
  };
}

/** A point moved by whole kilometres east and north (negative: west, south), kept inside the view. */
export function movePoint(point: GeoPoint, eastKm: number, northKm: number, view: MapView): GeoPoint {
  const projection = createProjection(view);
  const at = projection.toMap(point);
  return clampToView(projection.fromMap({ x: at.x + eastKm, y: at.y - northKm }), view);
}

/**
 * Where a click landed, as a point: `offsetX/Y` are pixels inside an element of `pixelWidth × pixelHeight` that
 * shows the whole view (the SVG keeps the view's aspect ratio, so one scale fits both axes).
 */
export function pointAtPixel(
  offsetX: number,
  offsetY: number,
  pixelWidth: number,
  pixelHeight: number,
  view: MapView,
): GeoPoint {
  const projection = createProjection(view);
  return clampToView(
    projection.fromMap({
      x: (offsetX / pixelWidth) * projection.width,
      y: (offsetY / pixelHeight) * projection.height,
    }),
    view,
  );
}

/** Six decimals is ~0.1 m: enough to store, and it keeps float noise out of the saved row. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export interface ServiceArea extends GeoPoint {
  radiusKm: number;
}

export interface MapPlace extends GeoPoint {
  id: string;
  label: string;
}

export interface ServiceAreaMapTexts {
  /** The map's accessible name. */
  mapLabel: string;
  /** How to use it (tap, arrow keys); shown under the map and read as the map's description. */
  hint: string;
  radiusLabel: string;
  radiusValue: (km: number) => string;
  /** "Your pin: -8.69130, 115.16830" — announced when the pin moves. */
  pinValue: (lat: string, lng: string) => string;
  /** A word for the water (e.g. "Indian Ocean"); left out when empty. */
  sea?: string;
}

export interface ServiceAreaMapProps {
  value: ServiceArea;
  onChange: (next: ServiceArea) => void;
  /** Named points to label on the map (e.g. the service areas' centres). */
  places: readonly MapPlace[];
  /** The radius slider's range, in km (the profile schema's). */
  radiusRange: { min: number; max: number; step?: number };
  texts: ServiceAreaMapTexts;
  /** Form field names: when set, the pin and radius are submitted with the surrounding form. */
  names?: { lat: string; lng: string; radiusKm: string };
  view?: MapView;
  coastline?: readonly GeoPoint[];
  /** Kilometres one arrow key press moves the pin (Shift: four times as far). */
  keyboardStepKm?: number;
  className?: string;
}

const ARROWS: Record<string, [east: number, north: number]> = {
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

const SCALE_BAR_KM = 10;

/** The pin and radius editor: tap the map (or use the arrow keys) to place the pin, drag the slider for the radius. */
export function ServiceAreaMap({
  value,
  onChange,
  places,
  radiusRange,
  texts,
  names,
  view = SOUTH_BALI_VIEW,
  coastline = SOUTH_BALI_COAST,
  keyboardStepKm = 0.5,
  className,
}: ServiceAreaMapProps) {
  const hintId = useId();
  const radiusId = useId();
  const clipId = useId();
  const projection = createProjection(view);
  const { width, height } = projection;
  const pin = projection.toMap(value);
  const coastPath = `${coastline
    .map((point, index) => {
      const { x, y } = projection.toMap(point);
      return `${index === 0 ? "M" : "L"}${x.toFixed(3)} ${y.toFixed(3)}`;
    })
    .join(" ")} Z`;
  // Text, dots and strokes are sized in kilometres like everything else; these read well from ~330 px wide.
  const fontSize = width / 30;

  const place = (point: GeoPoint) =>
    onChange({ ...value, lat: roundCoordinate(point.lat), lng: roundCoordinate(point.lng) });

  function onClick(event: MouseEvent<SVGSVGElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    place(pointAtPixel(event.clientX - box.left, event.clientY - box.top, box.width, box.height, view));
  }

  function onKeyDown(event: KeyboardEvent<SVGSVGElement>) {
    const direction = ARROWS[event.key];
    if (!direction) return;
    event.preventDefault();
    const step = keyboardStepKm * (event.shiftKey ? 4 : 1);
    place(movePoint(value, direction[0] * step, direction[1] * step, view));
  }

  const latText = value.lat.toFixed(5);
  const lngText = value.lng.toFixed(5);
  return (
    <div className={cx("flex flex-col gap-3", className)}>
      <svg
        viewBox={`0 0 ${width.toFixed(3)} ${height.toFixed(3)}`}
        style={{ aspectRatio: `${width} / ${height}` }}
        className="block w-full cursor-crosshair touch-manipulation rounded-xl border border-sand-200 bg-sky-100 select-none"
        role="application"
        aria-label={texts.mapLabel}
        aria-describedby={hintId}
        tabIndex={0}
        onClick={onClick}
        onKeyDown={onKeyDown}
        data-testid="service-area-map"
      >
        <defs>
          <clipPath id={clipId}>
            <rect x={0} y={0} width={width} height={height} />
          </clipPath>
        </defs>
        <g clipPath={`url(#${clipId})`}>
          <path d={coastPath} className="fill-sand-100 stroke-sand-300" strokeWidth={width / 300} />
          {texts.sea && (
            <text
              x={width * 0.04}
              y={height * 0.95}
              fontSize={fontSize}
              className="fill-sky-700/70 italic"
              aria-hidden="true"
            >
              {texts.sea}
            </text>
          )}
          <circle
            cx={pin.x}
            cy={pin.y}
            r={value.radiusKm}
            className="fill-tenang-500/15 stroke-tenang-600"
            strokeWidth={width / 250}
            data-testid="service-area-circle"
            data-radius-km={value.radiusKm}
          />
          {places.map((placeOnMap) => {
            const at = projection.toMap(placeOnMap);
            return (
              <g key={placeOnMap.id} aria-hidden="true" data-place={placeOnMap.id}>
                <circle cx={at.x} cy={at.y} r={fontSize * 0.22} className="fill-sand-700" />
                <text
                  x={at.x + fontSize * 0.45}
                  y={at.y + fontSize * 0.35}
                  fontSize={fontSize}
                  className="fill-sand-800 font-medium"
                  paintOrder="stroke"
                  stroke="white"
                  strokeWidth={fontSize * 0.18}
                >
                  {placeOnMap.label}
                </text>
              </g>
            );
          })}
          <g
            transform={`translate(${pin.x} ${pin.y})`}
            data-testid="service-area-pin"
            data-lat={value.lat}
            data-lng={value.lng}
          >
            {/* A drop-shaped marker whose tip is the exact point. */}
            <path
              d={`M0 0 L${-fontSize * 0.5} ${-fontSize * 1.1} A${fontSize * 0.6} ${fontSize * 0.6} 0 1 1 ${fontSize * 0.5} ${-fontSize * 1.1} Z`}
              className="fill-tenang-700 stroke-white"
              strokeWidth={fontSize * 0.1}
            />
            <circle cx={0} cy={-fontSize * 1.45} r={fontSize * 0.22} className="fill-white" />
          </g>
        </g>
        <g aria-hidden="true" transform={`translate(${width * 0.04} ${height * 0.04})`}>
          <rect
            x={-fontSize * 0.3}
            y={-fontSize * 0.3}
            width={SCALE_BAR_KM + fontSize * 0.6}
            height={fontSize * 1.9}
            rx={fontSize * 0.2}
            className="fill-white/80"
          />
          <path
            d={`M0 ${fontSize * 1.2} L${SCALE_BAR_KM} ${fontSize * 1.2}`}
            className="stroke-sand-800"
            strokeWidth={fontSize * 0.12}
          />
          <text x={0} y={fontSize * 0.85} fontSize={fontSize * 0.85} className="fill-sand-800">
            {`${SCALE_BAR_KM} km`}
          </text>
        </g>
      </svg>
      <p id={hintId} className="text-xs text-sand-500">
        {texts.hint}
      </p>
      <p className="text-sm text-sand-700 tabular-nums" aria-live="polite" data-testid="service-area-pin-text">
        {texts.pinValue(latText, lngText)}
      </p>
      <div className="flex flex-col gap-1.5">
        <div className="flex items-baseline justify-between gap-3">
          <label htmlFor={radiusId} className="text-sm font-medium text-sand-800">
            {texts.radiusLabel}
          </label>
          <span className="text-sm font-semibold text-tenang-700 tabular-nums">
            {texts.radiusValue(value.radiusKm)}
          </span>
        </div>
        <input
          id={radiusId}
          type="range"
          name={names?.radiusKm}
          min={radiusRange.min}
          max={radiusRange.max}
          step={radiusRange.step ?? 1}
          value={value.radiusKm}
          aria-valuetext={texts.radiusValue(value.radiusKm)}
          onChange={(event) => onChange({ ...value, radiusKm: Number(event.target.value) })}
          className="w-full accent-tenang-600"
          data-testid="service-area-radius"
        />
      </div>
      {names && (
        <>
          <input type="hidden" name={names.lat} value={value.lat} />
          <input type="hidden" name={names.lng} value={value.lng} />
        </>
      )}
    </div>
  );
}
