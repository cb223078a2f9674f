// baocao's charts page: each chart saves as a file of its own. SVG: the chart's markup as it is (colours and fonts are
// attributes, so it looks the same alone). PNG: that SVG drawn on a canvas at twice its size (the browser rasterises it;
// nothing leaves the machine).
(() => {
  'use strict';

  function download(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  function svgText(svg) {
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  }

  document.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-save]');
    if (!button) return;
    const box = button.closest('.chart-box');
    const svg = box && box.querySelector('svg');
    if (!svg) return;
    const name = box.dataset.file || 'bieu-do';
    const text = svgText(svg);
    if (button.dataset.save === 'svg') {
      download(new Blob([text], { type: 'image/svg+xml' }), name + '.svg');
      return;
    }
    const scale = 2;
    const width = Number(svg.getAttribute('width')), height = Number(svg.getAttribute('height'));
    const img = new Image();
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * scale;
      canvas.height = height * scale;
      const ctx = canvas.getContext('2d');
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((png) => download(png, name + '.png'), 'image/png');
    };
    img.src = url;
  });
})();
