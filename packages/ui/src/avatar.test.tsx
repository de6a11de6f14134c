import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Avatar } from "./avatar";

describe("Avatar", () => {
  it("shows the photo, named for the person, at the size's pixels", () => {
    render(<Avatar src="/photos/ayu.svg" name="Ayu Lestari" size="lg" />);
    const photo = screen.getByRole<HTMLImageElement>("img", { name: "Ayu Lestari" });
    expect(photo.getAttribute("src")).toBe("/photos/ayu.svg");
    expect(photo.getAttribute("width")).toBe("72");
  });

  it.each([
    ["Ayu Lestari", "AL"],
    ["Ni Made Ayu Sari", "NS"],
    ["ketut", "K"],
    ["   ", "?"],
  ])("falls back to the initials of %j: %s", (name, initials) => {
    render(<Avatar src={null} name={name} />);
    expect(screen.getByRole("img").textContent).toBe(initials);
  });
});
