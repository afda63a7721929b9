// Liveness: the process is up and serving. It says nothing about Wink (that is /api/ready).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
