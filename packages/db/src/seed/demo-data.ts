// Deterministic demo data for Bali: the same seed always gives the same therapists, so screenshots and tests are stable.
import { COMMISSION_RATE_BPS, paymentDueAt, splitCommission } from "@tenang/booking-core/revenue";
import { areaLabels } from "@tenang/booking-core/labels";
import { massageTypes, type Area } from "@tenang/booking-core/schemas/common";
import { areaCentres } from "@tenang/booking-core/schemas/location";

// The demo therapists stand around booking-core's area centres (the ones the map and "nearest area" use), so the seed
// and the product agree on where Seminyak is. Labels are the on-screen names.
export const AREA_CENTERS: Readonly<Record<Area, { lat: number; lng: number; label: string }>> = Object.fromEntries(
  (Object.keys(areaCentres) as Area[]).map((area) => [area, { ...areaCentres[area], label: areaLabels[area] }]),
) as Record<Area, { lat: number; lng: number; label: string }>;

export const DEMO_LOGINS = {
  therapist: { email: "therapist@tenang.id", password: "tenang-therapist", name: "Ni Wayan Sari" },
  admin: { email: "admin@tenang.id", password: "tenang-admin", name: "Tenang Operations" },
} as const;

export interface DemoTherapist {
  id: string;
  name: string;
  gender: "female" | "male";
  bio: string;
  area: Area;
  lat: number;
  lng: number;
  serviceRadiusKm: number;
  languages: string[];
  massageTypes: string[];
  price60: number;
  price90: number;
  price120: number | null;
  rating: number;
  ratingCount: number;
  acceptanceRate: number;
  whatsapp: string;
  isOnline: boolean;
  photoFileId: string;
}

export interface DemoPlace {
  id: string;
  name: string;
  area: Area;
  address: string;
  lat: number;
  lng: number;
  rating: number;
  ratingCount: number;
  price60: number;
  price90: number;
  price120: number;
  massageTypes: string[];
  whatsapp: string;
  photoFileId: string;
}

const FEMALE = [
  "Ni Wayan Sari",
  "Made Ayu Lestari",
  "Komang Dewi",
  "Ketut Suarni",
  "Putu Indah",
  "Nyoman Astuti",
  "Kadek Wulan",
  "Ni Luh Putri",
  "Gusti Ayu Rai",
  "Wayan Sukerti",
  "Made Sriani",
  "Komang Ratih",
  "Ketut Arini",
  "Putu Dian",
  "Nyoman Suastini",
  "Kadek Yuliani",
  "Ni Made Rasmini",
  "Luh Ayu Kartika",
  "Desak Made Purnami",
  "Ni Ketut Wartini",
  "Putu Sekar",
  "Made Widiastuti",
  "Ni Nyoman Sudiani",
  "Kadek Puspita",
];
const MALE = [
  "Gede Arya",
  "Nyoman Wirawan",
  "Made Budiarta",
  "Ketut Darma",
  "Putu Agus",
  "Wayan Suardana",
  "Komang Adi",
  "Kadek Surya",
  "I Made Sudarsana",
  "Gede Wirya",
];
const EXTRA_LANGUAGES = ["ja", "zh", "ko", "ru", "fr", "de", "nl", "es"];
const AREAS_ORDER = Object.keys(AREA_CENTERS) as Area[];

// mulberry32: a tiny seeded PRNG, so demo data is reproducible without a dependency.
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const roundTo = (n: number, step: number) => Math.round(n / step) * step;
const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

export function demoTherapists(): DemoTherapist[] {
  const rand = prng(20261121);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const people = [
    ...FEMALE.map((name) => ({ name, gender: "female" as const })),
    ...MALE.map((name) => ({ name, gender: "male" as const })),
  ];
  return people.map((p, i) => {
    const area = AREAS_ORDER[i % AREAS_ORDER.length]!;
    const c = AREA_CENTERS[area];
    const types = new Set<string>(["balinese"]);
    while (types.size < 2 + Math.floor(rand() * 3)) types.add(pick(massageTypes));
    const languages = ["id", "en"];
    if (rand() < 0.35) languages.push(pick(EXTRA_LANGUAGES));
    const price60 = roundTo(150_000 + rand() * 200_000, 5_000);
    const n = String(i + 1).padStart(2, "0");
    return {
      id: `therapist-${n}`,
      name: p.name,
      gender: p.gender,
      bio: `${p.name.split(" ").slice(-1)[0]} has ${3 + Math.floor(rand() * 12)} years of experience in ${[...types]
        .map((t) => t.replace("_", " "))
        .join(", ")} massage around ${c.label}.`,
      area,
      lat: round5(c.lat + (rand() - 0.5) * 0.03),
      lng: round5(c.lng + (rand() - 0.5) * 0.03),
      serviceRadiusKm: pick([10, 15, 20]),
      languages,
      massageTypes: [...types],
      price60,
      price90: roundTo(price60 * 1.45, 5_000),
      price120: rand() < 0.8 ? roundTo(price60 * 1.9, 5_000) : null,
      rating: Math.round((4.2 + rand() * 0.8) * 10) / 10,
      ratingCount: 5 + Math.floor(rand() * 240),
      acceptanceRate: Math.round((0.7 + rand() * 0.3) * 100) / 100,
      whatsapp: `+62812${String(34_560_000 + i * 7919).padStart(8, "0")}`,
      // The demo therapist (index 0) starts offline: signing in and going online is part of the demo.
      isOnline: i !== 0 && rand() < 0.75,
      photoFileId: `photo-therapist-${n}`,
    };
  });
}

export function demoPlaces(): DemoPlace[] {
  const spas: Array<Omit<DemoPlace, "photoFileId" | "lat" | "lng"> & { dLat: number; dLng: number }> = [
    {
      id: "place-01",
      name: "Taman Sari Spa",
      area: "ubud",
      address: "Jl. Monkey Forest No. 18, Ubud",
      dLat: 0.004,
      dLng: -0.003,
      rating: 4.8,
      ratingCount: 412,
      price60: 280_000,
      price90: 390_000,
      price120: 500_000,
      massageTypes: ["balinese", "hot_stone", "aromatherapy", "scrub"],
      whatsapp: "+6281139001001",
    },
    {
      id: "place-02",
      name: "Segara Wellness",
      area: "seminyak",
      address: "Jl. Kayu Aya No. 7, Seminyak",
      dLat: -0.002,
      dLng: 0.002,
      rating: 4.6,
      ratingCount: 288,
      price60: 320_000,
      price90: 450_000,
      price120: 580_000,
      massageTypes: ["balinese", "deep_tissue", "reflexology", "lomi_lomi"],
      whatsapp: "+6281139001002",
    },
    {
      id: "place-03",
      name: "Jimbaran Bay Spa",
      area: "jimbaran",
      address: "Jl. Bukit Permai No. 3, Jimbaran",
      dLat: 0.003,
      dLng: 0.001,
      rating: 4.7,
      ratingCount: 196,
      price60: 300_000,
      price90: 420_000,
      price120: 540_000,
      massageTypes: ["balinese", "thai", "prenatal", "aromatherapy"],
      whatsapp: "+6281139001003",
    },
  ];
  return spas.map(({ dLat, dLng, ...s }) => ({
    ...s,
    lat: round5(AREA_CENTERS[s.area].lat + dLat),
    lng: round5(AREA_CENTERS[s.area].lng + dLng),
    photoFileId: `photo-${s.id}`,
  }));
}

/** One past session of the demo therapist: the booking, its (paid) commission record and the customer's rating. */
export interface DemoPastBooking {
  id: string;
  customerId: string;
  /** Row columns, as the engine writes them for a booking that went searching → confirmed → … → completed. */
  booking: Record<string, unknown>;
  createdAt: string;
  completedAt: string;
  commission: Record<string, unknown>;
  rating: Record<string, unknown>;
}

const HOUR_MS = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Three sessions the demo therapist completed 2, 4 and 6 days before `nowMs`, each paid and rated, so the dashboard's
 * history and reviews are not empty. They are part of the therapist's seeded ratingCount (the last three counted), so
 * the totals stay consistent; a new rating is counted as number ratingCount + 1.
 */
export function demoPastBookings(therapist: DemoTherapist, nowMs: number): DemoPastBooking[] {
  const past = [
    {
      daysAgo: 6,
      customer: { name: "Sophie Martin", whatsapp: "+61412345678", locale: "en" },
      duration: 90,
      massageType: "balinese",
      hotelOrVilla: "Villa Lumbung",
      roomNumber: "3",
      stars: 5,
      comment: "Wonderful Balinese massage, on time and very professional.",
    },
    {
      daysAgo: 4,
      customer: { name: "Putri Maharani", whatsapp: "+6281298765431", locale: "id" },
      duration: 60,
      massageType: null,
      hotelOrVilla: null,
      roomNumber: null,
      stars: 4,
      comment: null,
    },
    {
      daysAgo: 2,
      customer: { name: "Kenji Sato", whatsapp: "+6281377770123", locale: "en" },
      duration: 60,
      massageType: "deep_tissue",
      hotelOrVilla: "The Kayu Hotel",
      roomNumber: "214",
      stars: 5,
      comment: "Strong hands, exactly what I needed. Terima kasih!",
    },
  ] as const;
  return past.map((p, i) => {
    const id = `demo-past-${String(i + 1).padStart(2, "0")}`;
    const customerId = `demo-guest-${String(i + 1).padStart(2, "0")}`;
    // 10:00 WITA on that day: searching, accepted within a minute, there 40 minutes later, then the session.
    const day = Math.floor((nowMs - p.daysAgo * 24 * HOUR_MS) / (24 * HOUR_MS)) * 24 * HOUR_MS;
    const created = day + 2 * HOUR_MS;
    const confirmed = created + 60_000;
    const started = confirmed + 40 * 60_000;
    const completed = started + p.duration * 60_000;
    const price = (p.duration === 90 ? therapist.price90 : therapist.price60) as number;
    const split = splitCommission(price);
    return {
      id,
      customerId,
      createdAt: iso(created),
      completedAt: iso(completed),
      booking: {
        // The therapist was asked for by name, so acceptance confirmed it: create, accept, depart, arrive, start,
        // complete = version 6.
        version: 6,
        status: "completed",
        source: "direct",
        kind: "immediate",
        customerId,
        customerName: p.customer.name,
        customerWhatsapp: p.customer.whatsapp,
        customerLocale: p.customer.locale,
        providerType: "therapist",
        therapistId: therapist.id,
        placeId: null,
        requestedTherapistId: therapist.id,
        duration: p.duration,
        massageType: p.massageType,
        price,
        discountCode: null,
        discountAmount: 0,
        amount: price,
        address: `Jl. Petitenget No. ${12 + i * 7}, ${AREA_CENTERS[therapist.area].label}`,
        hotelOrVilla: p.hotelOrVilla,
        roomNumber: p.roomNumber,
        lat: round5(therapist.lat + 0.004 * (i + 1)),
        lng: round5(therapist.lng - 0.003 * (i + 1)),
        scheduledFor: null,
        responseDeadline: null,
        attempt: 1,
        maxAttempts: 5,
        offeredTherapistIds: [therapist.id],
        currentOfferId: null,
        offerExpiresAt: null,
        customerDecisionDeadline: null,
        commissionId: id,
        cancelledBy: null,
        cancelReason: null,
        expiryReason: null,
        confirmedAt: iso(confirmed),
        completedAt: iso(completed),
        lastEventAt: iso(completed),
      },
      commission: {
        bookingId: id,
        providerType: "therapist",
        therapistId: therapist.id,
        placeId: null,
        amount: split.amount,
        commission: split.commission,
        payout: split.payout,
        rateBps: COMMISSION_RATE_BPS,
        // Paid and approved the same evening, so nothing is owed and no restriction follows.
        status: "paid",
        dueAt: paymentDueAt(completed),
        lateFee: 0,
        paidAt: iso(completed + 2 * HOUR_MS),
      },
      rating: {
        bookingId: id,
        providerType: "therapist",
        therapistId: therapist.id,
        placeId: null,
        customerId,
        stars: p.stars,
        comment: p.comment,
        createdAt: iso(completed + HOUR_MS),
        providerSequence: therapist.ratingCount - past.length + i,
      },
    };
  });
}
