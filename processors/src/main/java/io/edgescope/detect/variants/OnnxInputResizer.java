package io.edgescope.detect.variants;

import io.edgescope.onnx.ProtoMessage;
import io.edgescope.detect.yolox.YoloxDecoder;
import java.util.List;

/**
 * Derives a YOLOX model for another square input size from the shipped one, by editing the ONNX
 * graph's declared shapes: input {@code [1,3,S,S]}, output {@code [1,rows(S),85]}, and dropping the
 * stored intermediate shapes ({@code graph.value_info}) so ONNX Runtime infers them again. Weights
 * and operators are untouched; YOLOX-Nano has no shape constants in its graph.
 */
public final class OnnxInputResizer {

    /** Input sizes must be multiples of YOLOX's largest stride. */
    public static final int SIZE_MULTIPLE = 32;

    // ONNX field numbers (onnx.proto)
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int GRAPH_VALUE_INFO = 13;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR = 1;
    private static final int TENSOR_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_VALUE = 1;
    private static final int CHANNELS = 3;

    private OnnxInputResizer() {
    }

    /**
     * @param model the ONNX bytes of a YOLOX model
     * @param inputName name of the image input (YOLOX exports: {@code images})
     * @param classes class count of the head (COCO: 80)
     */
    public static byte[] resize(byte[] model, String inputName, int size, int classes) {
        if (size <= 0 || size % SIZE_MULTIPLE != 0) {
            throw new IllegalArgumentException("YOLOX input size must be a positive multiple of " + SIZE_MULTIPLE + ", got " + size);
        }
        long rows = YoloxDecoder.rowCount(size);
        ProtoMessage edited = ProtoMessage.parse(model).editMessages(MODEL_GRAPH, graph -> {
            int[] inputsSeen = {0};
            ProtoMessage g = graph.editMessages(GRAPH_INPUT, input -> {
                if (!inputName.equals(input.string(1))) {
                    return input;
                }
                inputsSeen[0]++;
                return withDims(input, List.of(1L, (long) CHANNELS, (long) size, (long) size));
            });
            if (inputsSeen[0] != 1) {
                throw new IllegalArgumentException("Model has no graph input named '" + inputName + "'");
            }
            return g.editMessages(GRAPH_OUTPUT, output -> withDims(output, List.of(1L, rows, (long) classes + YoloxDecoder.BOX_FIELDS)))
                    .without(GRAPH_VALUE_INFO);
        });
        return edited.toBytes();
    }

    private static ProtoMessage withDims(ProtoMessage valueInfo, List<Long> dims) {
        return valueInfo.editMessages(VALUE_INFO_TYPE, type -> type.editMessages(TYPE_TENSOR, tensor -> {
            ProtoMessage shape = new ProtoMessage(dims.stream()
                    .map(d -> ProtoMessage.messageField(SHAPE_DIM, new ProtoMessage(List.of(ProtoMessage.varintField(DIM_VALUE, d)))))
                    .toList());
            List<ProtoMessage.Field> fields = new java.util.ArrayList<>(tensor.without(TENSOR_SHAPE).fields());
            fields.add(ProtoMessage.messageField(TENSOR_SHAPE, shape));
            return new ProtoMessage(fields);
        }));
    }
}
