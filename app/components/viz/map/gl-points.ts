/**
 * A small WebGL2 renderer of map points: the positions live in two GPU buffers (uploaded once per
 * payload), an index buffer lists the points to draw grouped by colour (lib/viz/map-lod.ts), and
 * each group is one drawElements call of square gl.POINTS — filled, or a ring with a hole for the
 * outliers — under a uniform colour, size and data → device-pixel transform. Nothing per point is
 * computed in JavaScript at draw time, so a frame costs what the GPU (or SwiftShader, Chromium's
 * software GL) takes to shade the points.
 *
 * `create` returns null when the browser has no WebGL2; the map then keeps its Canvas 2D renderer.
 */

const VERTEX = `#version 300 es
in float a_x;
in float a_y;
uniform vec3 u_transform; // k, x, y: data → device px
uniform vec2 u_viewport;  // device px
uniform float u_size;
void main() {
  vec2 s = vec2(u_transform.x * a_x + u_transform.y, u_transform.x * a_y + u_transform.z);
  vec2 c = s / u_viewport * 2.0 - 1.0;
  gl_Position = vec4(c.x, -c.y, 0.0, 1.0);
  gl_PointSize = u_size;
}`;

const FRAGMENT = `#version 300 es
precision highp float;
uniform vec4 u_color;
uniform float u_size;
uniform float u_ring; // outline width in device px; 0 = filled square
out vec4 color;
void main() {
  if (u_ring > 0.0) {
    vec2 d = abs(gl_PointCoord - 0.5) * u_size;
    if (max(d.x, d.y) < u_size * 0.5 - u_ring) discard;
  }
  color = u_color;
}`;

/** How one group is drawn. */
export interface GlGroupStyle {
  /** [r, g, b] 0–255, opaque. */
  rgb: readonly [number, number, number];
  /** Side of the square in device px. */
  size: number;
  /** Outline width in device px for a ring; 0 for a filled square. */
  ring: number;
}

export class GlPoints {
  private readonly program: WebGLProgram;
  private readonly vao: WebGLVertexArrayObject;
  private readonly xBuffer: WebGLBuffer;
  private readonly yBuffer: WebGLBuffer;
  private readonly indexBuffer: WebGLBuffer;
  private readonly uniforms: Record<'transform' | 'viewport' | 'size' | 'color' | 'ring', WebGLUniformLocation | null>;
  private readonly maxPointSize: number;
  private lost = false;

  private constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly gl: WebGL2RenderingContext,
  ) {
    this.program = link(gl, VERTEX, FRAGMENT);
    this.vao = gl.createVertexArray()!;
    this.xBuffer = gl.createBuffer()!;
    this.yBuffer = gl.createBuffer()!;
    this.indexBuffer = gl.createBuffer()!;
    gl.bindVertexArray(this.vao);
    for (const [name, buffer] of [
      ['a_x', this.xBuffer],
      ['a_y', this.yBuffer],
    ] as const) {
      const at = gl.getAttribLocation(this.program, name);
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      gl.enableVertexAttribArray(at);
      gl.vertexAttribPointer(at, 1, gl.FLOAT, false, 0, 0);
    }
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.indexBuffer);
    gl.bindVertexArray(null);
    const u = (name: string) => gl.getUniformLocation(this.program, name);
    this.uniforms = {
      transform: u('u_transform'),
      viewport: u('u_viewport'),
      size: u('u_size'),
      color: u('u_color'),
      ring: u('u_ring'),
    };
    this.maxPointSize = (gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE) as Float32Array)[1] ?? 64;
    canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault();
      this.lost = true;
    });
  }

  /** A renderer on a new offscreen canvas, or null without WebGL2 (or when it fails to start). */
  static create(): GlPoints | null {
    if (typeof document === 'undefined') return null;
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2', {
      alpha: true,
      antialias: false,
      depth: false,
      stencil: false,
      premultipliedAlpha: true,
      // The canvas is copied into the visible 2D canvas, possibly after the frame it was drawn in.
      preserveDrawingBuffer: true,
      powerPreference: 'high-performance',
    });
    if (!gl) return null;
    try {
      return new GlPoints(canvas, gl);
    } catch (error) {
      console.warn(`Topic map: WebGL2 did not start, drawing with Canvas 2D (${(error as Error).message})`);
      return null;
    }
  }

  /** False once the context is lost: the caller falls back to Canvas 2D. */
  get usable(): boolean {
    return !this.lost && !this.gl.isContextLost();
  }

  /** The positions of every point (data coordinates). */
  setPositions(x: Float32Array, y: Float32Array): void {
    const gl = this.gl;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.xBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, x, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.yBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, y, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
  }

  /** The draw list's indices (lib/viz/map-lod.ts). */
  setIndices(indices: Uint32Array): void {
    const gl = this.gl;
    gl.bindVertexArray(this.vao);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.indexBuffer);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, indices, gl.DYNAMIC_DRAW);
    gl.bindVertexArray(null);
  }

  /** Sizes the canvas (device px) and clears it to transparent, ready for `draw` calls under `t`. */
  begin(width: number, height: number, t: { k: number; x: number; y: number }): void {
    const gl = this.gl;
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    gl.viewport(0, 0, width, height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.useProgram(this.program);
    gl.bindVertexArray(this.vao);
    gl.uniform3f(this.uniforms.transform, t.k, t.x, t.y);
    gl.uniform2f(this.uniforms.viewport, width, height);
  }

  /** Draws `count` listed points from `start` of the index list in one style. */
  draw(start: number, count: number, style: GlGroupStyle): void {
    if (count <= 0) return;
    const gl = this.gl;
    const size = Math.min(this.maxPointSize, Math.max(1, Math.round(style.size)));
    gl.uniform1f(this.uniforms.size, size);
    // A ring too small for a hole is a filled square (as the Canvas 2D rings are).
    gl.uniform1f(this.uniforms.ring, size > 2 * style.ring ? style.ring : 0);
    gl.uniform4f(this.uniforms.color, style.rgb[0] / 255, style.rgb[1] / 255, style.rgb[2] / 255, 1);
    gl.drawElements(gl.POINTS, count, gl.UNSIGNED_INT, start * 4);
  }

  /** Ends a frame's draw calls. */
  end(): void {
    this.gl.bindVertexArray(null);
  }

  /**
   * Frees the GPU's buffers and program, and the context itself (a page may hold only a few
   * contexts at once, and a remount makes a new one).
   */
  destroy(): void {
    const gl = this.gl;
    gl.deleteBuffer(this.xBuffer);
    gl.deleteBuffer(this.yBuffer);
    gl.deleteBuffer(this.indexBuffer);
    gl.deleteVertexArray(this.vao);
    gl.deleteProgram(this.program);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

function link(gl: WebGL2RenderingContext, vertex: string, fragment: string): WebGLProgram {
  const program = gl.createProgram()!;
  for (const [type, source] of [
    [gl.VERTEX_SHADER, vertex],
    [gl.FRAGMENT_SHADER, fragment],
  ] as const) {
    const shader = gl.createShader(type)!;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) {
      throw new Error(`Map shader: ${gl.getShaderInfoLog(shader) ?? 'compile failed'}`);
    }
    gl.attachShader(program, shader);
  }
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
    throw new Error(`Map shader: ${gl.getProgramInfoLog(program) ?? 'link failed'}`);
  }
  return program;
}
