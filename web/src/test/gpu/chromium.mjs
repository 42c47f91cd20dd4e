// Starts headless Chromium with WebGPU on SwiftShader (on the CPU), as the tests and the WebGPU benchmark
// need it: Debian's chromium unless CHROMIUM names another, and no calls home (the machines reach only the
// package registries).
import { chromium } from 'playwright-core';

export function launchWebGpuChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader',
      '--use-webgpu-adapter=swiftshader', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}
