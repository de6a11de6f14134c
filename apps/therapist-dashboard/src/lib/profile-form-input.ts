// The profile form as the body of PUT /api/profile (booking-core's therapistProfileInputSchema checks it, here and
// in the route). Prices are typed with thousands separators ("250.000"); an empty price means "not offered".
const numberOrNull = (value: FormDataEntryValue | null) => {
  const text = String(value ?? "").trim();
  return text === "" ? null : Number(text.replace(/[.,\s]/g, ""));
};

export function readProfileForm(form: HTMLFormElement) {
  const data = new FormData(form);
  return {
    name: String(data.get("name") ?? ""),
    gender: String(data.get("gender") ?? ""),
    bio: String(data.get("bio") ?? ""),
    languages: data.getAll("languages").map(String),
    massageTypes: data.getAll("massageTypes").map(String),
    area: String(data.get("area") ?? ""),
    lat: Number(data.get("lat")),
    lng: Number(data.get("lng")),
    serviceRadiusKm: Number(data.get("serviceRadiusKm")),
    price60: numberOrNull(data.get("price60")),
    price90: numberOrNull(data.get("price90")),
    price120: numberOrNull(data.get("price120")),
    whatsapp: String(data.get("whatsapp") ?? ""),
    workingHours: { start: String(data.get("workingStart") ?? ""), end: String(data.get("workingEnd") ?? "") },
  };
}
