import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DashboardNav, isActive, type DashboardNavItem } from "./dashboard-nav";

const items: DashboardNavItem[] = [
  { href: "/", label: "Today", matches: ["/bookings"] },
  { href: "/agenda", label: "Agenda" },
];

describe("DashboardNav", () => {
  it("marks the current section, and names the nav for screen readers", () => {
    render(<DashboardNav label="Dashboard" items={items} pathname="/agenda/week" />);
    expect(screen.getByRole("navigation", { name: "Dashboard" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Agenda" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("link", { name: "Today" }).getAttribute("aria-current")).toBeNull();
    expect(screen.getByRole("link", { name: "Today" }).getAttribute("href")).toBe("/");
  });

  it("renders through the app's link component", () => {
    const Link = ({ href, children }: { href: string; children: React.ReactNode }) => (
      <a href={href} data-testid="app-link">
        {children}
      </a>
    );
    render(<DashboardNav label="Dashboard" items={items} pathname="/" link={Link} />);
    expect(screen.getAllByTestId("app-link")).toHaveLength(2);
  });
});

describe("isActive", () => {
  it.each([
    ["/", "/", true],
    ["/", "/agenda", false],
    ["/", "/bookings/b1", true],
    ["/agenda", "/agenda", true],
    ["/agenda", "/", false],
  ])("item %s at %s: %s", (href, pathname, active) => {
    const item = items.find((candidate) => candidate.href === href)!;
    expect(isActive(item, pathname)).toBe(active);
  });
});
