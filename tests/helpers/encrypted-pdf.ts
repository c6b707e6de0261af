// A one-page PDF encrypted with a user password, made in memory: PDF 2.0's standard security
// handler, revision 5 (AES-256, as ISO 32000 Algorithms 8 and 9 describe), with Node's crypto.
import { createCipheriv, createHash, randomBytes } from "node:crypto";

const sha256 = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
const aesNoIv = (key: Buffer, data: Buffer) => {
  const cipher = createCipheriv("aes-256-cbc", key, Buffer.alloc(16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
};
const hex = (b: Buffer) => `<${b.toString("hex")}>`;

export function encryptedPdf(userPassword: string, text: string): Uint8Array {
  const fileKey = randomBytes(32);
  const user = Buffer.from(userPassword, "utf8");
  const owner = Buffer.from(`${userPassword}-owner`, "utf8");
  const [uvs, uks, ovs, oks] = [randomBytes(8), randomBytes(8), randomBytes(8), randomBytes(8)];
  const U = Buffer.concat([sha256(user, uvs), uvs, uks]);
  const UE = aesNoIv(sha256(user, uks), fileKey);
  const O = Buffer.concat([sha256(owner, ovs, U), ovs, oks]);
  const OE = aesNoIv(sha256(owner, oks, U), fileKey);
  const permissions = -4;
  const permsPlain = Buffer.alloc(16);
  permsPlain.writeInt32LE(permissions, 0);
  permsPlain.fill(0xff, 4, 8);
  permsPlain.write("Tadb", 8, "latin1");
  const permsCipher = createCipheriv("aes-256-ecb", fileKey, null);
  permsCipher.setAutoPadding(false);
  const Perms = Buffer.concat([permsCipher.update(permsPlain), permsCipher.final()]);

  const content = Buffer.from(`BT /F1 18 Tf 30 100 Td (${text}) Tj ET`, "latin1");
  const iv = randomBytes(16);
  const streamCipher = createCipheriv("aes-256-cbc", fileKey, iv);
  const stream = Buffer.concat([iv, streamCipher.update(content), streamCipher.final()]);

  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} >>\nstream\n`), stream, Buffer.from("\nendstream")]),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    Buffer.from(
      `<< /Filter /Standard /V 5 /R 5 /Length 256 /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> ` +
        `/StmF /StdCF /StrF /StdCF /O ${hex(O)} /U ${hex(U)} /OE ${hex(OE)} /UE ${hex(UE)} /Perms ${hex(Perms)} /P ${permissions} >>`,
    ),
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((body, i) => {
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    offsets.push(length);
    parts.push(object);
    length += object.length;
  });
  const id = hex(randomBytes(16));
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("") +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [${id} ${id}] >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return new Uint8Array(Buffer.concat(parts));
}
