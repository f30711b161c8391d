/** Progress on stderr: one line per step, updated in place on a terminal. */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let lastStep = '';
  let lastPercent = -1;
  return (step: string, done: number, total: number) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (step === lastStep && percent === lastPercent) return;
    const line = `  seeding ${step}: ${done}/${total} (${percent}%)`;
    if (stream.isTTY) {
      stream.write(`\r${line}${done === total ? '\n' : ''}`);
    } else if (done === total || percent - lastPercent >= 25 || step !== lastStep) {
      stream.write(`${line}\n`);
    }
    lastStep = step;
    lastPercent = percent;
  };
}
