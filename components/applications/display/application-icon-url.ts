/** Wink keeps application icons on Cloudinary, under its own cloud; the id is a public_id. */
const CLOUDINARY_BASE = "https://res.cloudinary.com/traveliko/image/upload";

export function cloudinaryIconUrl(publicId: string, size = 64): string {
  const path = publicId
    .split("/")
    .map((part) => encodeURIComponent(part))
    .join("/");
  return `${CLOUDINARY_BASE}/c_fill,w_${size},h_${size}/${path}`;
}
