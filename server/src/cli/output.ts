// Standard output written as it is produced, in chunks, waiting when the pipe is full: a run
// of 100,000 scenario tests is far more text than one string may hold ("Invalid string length").
const CHUNK = 1 << 16;

export class Output {
  private chunks: string[] = [];
  private size = 0;

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {}

  async write(text: string): Promise<void> {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const data = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    if (!this.stream.write(data)) await new Promise((resolve) => this.stream.once('drain', resolve));
  }
}
