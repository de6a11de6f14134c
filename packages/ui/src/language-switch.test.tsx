import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LanguageSwitch, type LanguageSwitchLabels } from "./language-switch";

const labels: LanguageSwitchLabels = {
  label: "Language",
  en: "English",
  id: "Bahasa Indonesia",
  short: { en: "EN", id: "ID" },
};

describe("LanguageSwitch", () => {
  it("marks the page's language as pressed and names each language in its own tongue", () => {
    render(<LanguageSwitch locale="id" labels={labels} />);
    const english = screen.getByRole("button", { name: "English" });
    const bahasa = screen.getByRole("button", { name: "Bahasa Indonesia" });
    expect(english.getAttribute("aria-pressed")).toBe("false");
    expect(bahasa.getAttribute("aria-pressed")).toBe("true");
    expect(english.getAttribute("lang")).toBe("en");
    expect(bahasa.getAttribute("lang")).toBe("id");
    expect(english.textContent).toBe("EN");
  });

  it("is a plain form posting the chosen locale, so it works before hydration", () => {
    render(<LanguageSwitch locale="en" labels={labels} />);
    const button = screen.getByTestId<HTMLButtonElement>("locale-id");
    expect(button.type).toBe("submit");
    expect(button.name).toBe("locale");
    expect(button.value).toBe("id");
    const form = button.closest("form");
    expect(form?.getAttribute("action")).toBe("/api/locale");
    expect(form?.getAttribute("method")).toBe("post");
    expect(screen.getByRole("group", { name: "Language" })).toBeTruthy();
  });
});
