#!/usr/bin/env python3
"""Makes coco_fixture.json: a seeded synthetic detection set scored by pycocotools' COCOeval (bbox).

CocoEvaluatorReferenceTest checks that EdgeScope's evaluator gives the same AP, AP50 and AP per
size bucket. Usage: python3 make_coco_fixture.py > coco_fixture.json (needs numpy and pycocotools).

How the checked-in fixture was made: this machine's package sources have no pycocotools (Debian
bookworm has no python3-pycocotools; PyPI is not reachable), so it was run with PYTHONPATH pointing
at a local copy of the evaluate/accumulate/summarize code of cocodataset/cocoapi
PythonAPI/pycocotools/cocoeval.py, with a numpy box IoU in place of the C mask.iou and a small
COCO index class in place of coco.py. No ground truth is crowd or ignored, so only plain IoU is used.
"""
import json
import random

from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

SEED = 20261125
IMAGES = 60


def main():
    rnd = random.Random(SEED)
    images, gts, dets = [], [], []
    for image_id in range(1, IMAGES + 1):
        images.append({"id": image_id, "width": 1280, "height": 720})
        for _ in range(rnd.randint(0, 6)):
            w = round(rnd.choice([rnd.uniform(8, 30), rnd.uniform(33, 95), rnd.uniform(100, 300)]), 2)
            h = round(w * rnd.uniform(1.2, 2.8), 2)
            x, y = round(rnd.uniform(0, 1280 - w), 2), round(rnd.uniform(0, 720 - h), 2)
            gts.append({"id": len(gts) + 1, "image_id": image_id, "category_id": 1, "bbox": [x, y, w, h],
                        "area": round(w * h, 4), "iscrowd": 0})
            if rnd.random() < 0.8:  # a detection near the truth, more or less tight
                jitter = rnd.uniform(0, 0.35)
                dets.append({"image_id": image_id, "category_id": 1, "score": round(rnd.uniform(0.05, 1.0), 6),
                             "bbox": [round(x + rnd.uniform(-jitter, jitter) * w, 2), round(y + rnd.uniform(-jitter, jitter) * h, 2),
                                      round(w * rnd.uniform(1 - jitter, 1 + jitter), 2), round(h * rnd.uniform(1 - jitter, 1 + jitter), 2)]})
        for _ in range(rnd.randint(0, 3)):  # false positives
            w = round(rnd.uniform(10, 200), 2)
            h = round(w * rnd.uniform(1.2, 2.8), 2)
            dets.append({"image_id": image_id, "category_id": 1, "score": round(rnd.uniform(0.05, 1.0), 6),
                         "bbox": [round(rnd.uniform(0, 1000), 2), round(rnd.uniform(0, 400), 2), w, h]})
    coco_gt = COCO({"images": images, "annotations": gts, "categories": [{"id": 1, "name": "person"}]})
    coco_gt.createIndex()
    evaluator = COCOeval(coco_gt, coco_gt.loadRes(dets), "bbox")
    evaluator.params.maxDets = [1, 10, 100]
    evaluator.evaluate()
    evaluator.accumulate()
    evaluator.summarize()
    s = evaluator.stats
    print(json.dumps({"seed": SEED, "images": images, "annotations": gts, "detections": dets,
                      "expected": {"ap": s[0], "ap50": s[1], "ap75": s[2], "ap_small": s[3], "ap_medium": s[4],
                                   "ap_large": s[5], "ar100": s[8]}}, indent=1))


if __name__ == "__main__":
    main()
