import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import {
  clampToView,
  createProjection,
  KM_PER_DEGREE,
  movePoint,
  pointAtPixel,
  roundCoordinate,
  ServiceAreaMap,
  SOUTH_BALI_VIEW,
  type ServiceArea,
  type ServiceAreaMapTexts,
} from "./service-area-map";

const view = SOUTH_BALI_VIEW;
const seminyak = { lat: -8.6913, lng: 115.1682 };

describe("the map's geometry", () => {
  it("projects to kilometres and back to the same point", () => {
    const projection = createProjection(view);
    const back = projection.fromMap(projection.toMap(seminyak));
    expect(back.lat).toBeCloseTo(seminyak.lat, 10);
    expect(back.lng).toBeCloseTo(seminyak.lng, 10);
    expect(projection.toMap({ lat: view.north, lng: view.west })).toEqual({ x: 0, y: 0 });
    expect(projection.height).toBeCloseTo((view.north - view.south) * KM_PER_DEGREE, 10);
  });

  it("moves a point by kilometres: north is up, east is right", () => {
    const north = movePoint(seminyak, 0, 1, view);
    expect(north.lng).toBeCloseTo(seminyak.lng, 10);
    expect((north.lat - seminyak.lat) * KM_PER_DEGREE).toBeCloseTo(1, 6);
    const projection = createProjection(view);
    const east = movePoint(seminyak, 2, 0, view);
    expect(projection.toMap(east).x - projection.toMap(seminyak).x).toBeCloseTo(2, 6);
  });

  it("keeps points inside the view", () => {
    expect(clampToView({ lat: -9.5, lng: 114 }, view)).toEqual({ lat: view.south, lng: view.west });
    expect(movePoint({ lat: view.north, lng: view.east }, 5, 5, view)).toEqual({ lat: view.north, lng: view.east });
  });

  it("turns a click's pixel into a point, corners to corners", () => {
    expect(pointAtPixel(0, 0, 400, 300, view)).toEqual({ lat: view.north, lng: view.west });
    const corner = pointAtPixel(400, 300, 400, 300, view);
    expect(corner.lat).toBeCloseTo(view.south, 10);
    expect(corner.lng).toBeCloseTo(view.east, 10);
    expect(pointAtPixel(-20, 900, 400, 300, view)).toEqual({ lat: view.south, lng: view.west });
  });

  it("rounds coordinates to six decimals", () => {
    expect(roundCoordinate(0.1 + 0.2)).toBe(0.3);
    expect(roundCoordinate(115.16834449)).toBe(115.168344);
  });
});

const texts: ServiceAreaMapTexts = {
  mapLabel: "Service area map",
  hint: "Tap the map or use the arrow keys to move your pin.",
  radiusLabel: "Radius",
  radiusValue: (km) => `${km} km`,
  pinValue: (lat, lng) => `Your pin: ${lat}, ${lng}`,
  sea: "Indian Ocean",
};

/** The map as a form uses it: the value lives in the parent, every change is recorded. */
function Harness({ onChange, initial }: { onChange: (next: ServiceArea) => void; initial: ServiceArea }) {
  const [value, setValue] = useState(initial);
  return (
    <form aria-label="profile">
      <ServiceAreaMap
        value={value}
        onChange={(next) => {
          onChange(next);
          setValue(next);
        }}
        places={[{ id: "seminyak", label: "Seminyak", ...seminyak }]}
        radiusRange={{ min: 1, max: 30 }}
        texts={texts}
        names={{ lat: "lat", lng: "lng", radiusKm: "radiusKm" }}
      />
    </form>
  );
}

function renderMap(initial: ServiceArea = { ...seminyak, radiusKm: 5 }) {
  const onChange = vi.fn<(next: ServiceArea) => void>();
  render(<Harness onChange={onChange} initial={initial} />);
  return { onChange, user: userEvent.setup(), map: screen.getByRole("application", { name: "Service area map" }) };
}

const kmNorth = (from: ServiceArea, to: ServiceArea) => (to.lat - from.lat) * KM_PER_DEGREE;

describe("ServiceAreaMap", () => {
  it("is a focusable application described by its hint, announcing the pin in words", () => {
    const { map } = renderMap();
    expect(map.tabIndex).toBe(0);
    const hint = document.getElementById(map.getAttribute("aria-describedby") ?? "");
    expect(hint?.textContent).toBe(texts.hint);
    expect(screen.getByTestId("service-area-pin-text").textContent).toBe("Your pin: -8.69130, 115.16820");
  });

  it("moves the pin half a kilometre per arrow key and two with Shift", async () => {
    const initial = { ...seminyak, radiusKm: 5 };
    const { user, map, onChange } = renderMap(initial);
    map.focus();
    await user.keyboard("{ArrowUp}");
    const up = onChange.mock.lastCall?.[0];
    expect(up && kmNorth(initial, up)).toBeCloseTo(0.5, 3);
    expect(up?.lng).toBe(initial.lng);
    expect(up?.radiusKm).toBe(5);

    await user.keyboard("{Shift>}{ArrowDown}{/Shift}");
    const down = onChange.mock.lastCall?.[0];
    expect(up && down && kmNorth(up, down)).toBeCloseTo(-2, 3);
    expect(screen.getByTestId("service-area-pin").getAttribute("data-lat")).toBe(String(down?.lat));
  });

  it("stores six decimals and ignores keys that are not arrows", async () => {
    const { user, map, onChange } = renderMap();
    map.focus();
    await user.keyboard("{ArrowRight}");
    const moved = onChange.mock.lastCall?.[0];
    expect(moved && roundCoordinate(moved.lng)).toBe(moved?.lng);
    await user.keyboard("a{Enter}");
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("places the pin where the map is tapped", () => {
    const { map, onChange } = renderMap();
    vi.spyOn(map, "getBoundingClientRect").mockReturnValue(DOMRect.fromRect({ x: 10, y: 20, width: 400, height: 300 }));
    fireEvent.click(map, { clientX: 210, clientY: 170 });
    const expected = pointAtPixel(200, 150, 400, 300, view);
    expect(onChange).toHaveBeenCalledWith({
      lat: roundCoordinate(expected.lat),
      lng: roundCoordinate(expected.lng),
      radiusKm: 5,
    });
  });

  it("ignores a tap on a map that has no size yet", () => {
    const { map, onChange } = renderMap();
    vi.spyOn(map, "getBoundingClientRect").mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 0, height: 0 }));
    fireEvent.click(map, { clientX: 5, clientY: 5 });
    expect(onChange).not.toHaveBeenCalled();
  });

  it("draws the radius to scale and changes it with the slider", () => {
    const { onChange } = renderMap();
    const slider = screen.getByRole<HTMLInputElement>("slider", { name: "Radius" });
    expect(slider.getAttribute("aria-valuetext")).toBe("5 km");
    fireEvent.change(slider, { target: { value: "12" } });
    expect(onChange).toHaveBeenLastCalledWith({ ...seminyak, radiusKm: 12 });
    expect(screen.getByTestId("service-area-circle").getAttribute("r")).toBe("12");
  });

  it("submits the pin and radius with the surrounding form", () => {
    renderMap();
    const form = screen.getByRole<HTMLFormElement>("form", { name: "profile" });
    const data = new FormData(form);
    expect(Object.fromEntries(data)).toEqual({ lat: "-8.6913", lng: "115.1682", radiusKm: "5" });
  });
});
