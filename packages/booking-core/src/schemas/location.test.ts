import { describe, expect, it } from "vitest";
import { BALI_BOUNDS, areaCentres, formatServiceAddress, isWithinServiceArea, serviceAddressSchema } from "./location";

describe("locations and addresses", () => {
  it("knows where Bali is", () => {
    for (const centre of Object.values(areaCentres)) expect(isWithinServiceArea(centre)).toBe(true);
    expect(isWithinServiceArea({ lat: -6.2, lng: 106.8 })).toBe(false); // Jakarta
    expect(isWithinServiceArea({ lat: -8.68, lng: 115.55 }, BALI_BOUNDS)).toBe(true); // Nusa Penida
  });

  it("parses the address block of a form", () => {
    expect(
      serviceAddressSchema.parse({
        address: "  Jl. Kayu Aya   No. 12 ",
        hotelOrVilla: "",
        roomNumber: " 12B ",
        lat: -8.69,
        lng: 115.17,
      }),
    ).toEqual({ address: "Jl. Kayu Aya No. 12", hotelOrVilla: null, roomNumber: "12B", lat: -8.69, lng: 115.17 });
    expect(serviceAddressSchema.parse({ address: "Jl. Raya Ubud", lat: -8.5, lng: 115.26 })).toMatchObject({
      hotelOrVilla: null,
      roomNumber: null,
    });
    expect(serviceAddressSchema.safeParse({ address: "Jl.", lat: -8.5, lng: 115.26 }).success).toBe(false);
    expect(
      serviceAddressSchema.safeParse({ address: "Jl. Raya Ubud", roomNumber: "#12!", lat: -8.5, lng: 115.26 }).success,
    ).toBe(false);
    expect(serviceAddressSchema.safeParse({ address: "Jl. Raya Ubud", lat: -91, lng: 115.26 }).success).toBe(false);
  });

  it("reads an address the way a therapist needs it", () => {
    const value = { address: "Jl. Kayu Aya No. 12", hotelOrVilla: "Villa Kembang", roomNumber: "3" };
    expect(formatServiceAddress(value, "en")).toBe("Villa Kembang, room 3 · Jl. Kayu Aya No. 12");
    expect(formatServiceAddress(value, "id")).toBe("Villa Kembang, kamar 3 · Jl. Kayu Aya No. 12");
    expect(formatServiceAddress({ ...value, hotelOrVilla: null, roomNumber: null }, "en")).toBe("Jl. Kayu Aya No. 12");
  });
});
