import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Rating } from "./rating";

describe("Rating", () => {
  it("says 'New' instead of stars when nobody has rated yet", () => {
    const { container } = render(<Rating value={0} count={0} newLabel="Baru" />);
    expect(container.textContent).toBe("Baru");
    expect(container.querySelector("svg")).toBeNull();
  });

  it.each([
    [4.86, 12, "4.9", "Rated 4.9 out of 5 from 12 reviews"],
    [4, 1, "4.0", "Rated 4.0 out of 5 from 1 review"],
    [7, 3, "5.0", "Rated 5.0 out of 5 from 3 reviews"],
    [-1, 2, "0.0", "Rated 0.0 out of 5 from 2 reviews"],
  ])("shows %d from %d ratings as %s, described in words", (value, count, shown, described) => {
    render(<Rating value={value} count={count} />);
    const rating = screen.getByLabelText(described);
    expect(rating.textContent).toBe(`${shown}(${count})`);
  });

  it("takes the description in the reader's language", () => {
    render(<Rating value={4.5} count={2} describe={(value, count) => `Nilai ${value} dari ${count} ulasan`} />);
    expect(screen.getByLabelText("Nilai 4.5 dari 2 ulasan")).toBeTruthy();
  });
});
