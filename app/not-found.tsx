import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-body">
        There is nothing here, or the console&apos;s Wink credential cannot see it.
      </p>
      <Link href="/" className="font-medium text-link underline underline-offset-4">
        Back to the console
      </Link>
    </div>
  );
}
